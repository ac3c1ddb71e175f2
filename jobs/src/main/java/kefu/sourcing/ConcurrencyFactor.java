package kefu.sourcing;

/** Chats an agent handles at once and the speed-up it gives (2 chats → 1.7× one chat). */
public record ConcurrencyFactor(int chats, double factor) {}
