package kefu.seasonal;

/**
 * Settings of the category pay benchmark: a cell with fewer than {@code minAgents} agents shows
 * no pay figures (k-anonymity of individual pay); an agent whose main category holds less than
 * {@code mixedShare} of their credited sales is counted as mixed.
 */
public record CategoryPayOptions(int minAgents, double mixedShare) {
  public CategoryPayOptions {
    if (minAgents < 1) {
      throw new IllegalArgumentException("minAgents must be at least 1: " + minAgents);
    }
    if (mixedShare < 0 || mixedShare > 1) {
      throw new IllegalArgumentException("mixedShare must be within 0..1: " + mixedShare);
    }
  }

  public static CategoryPayOptions defaults() {
    return new CategoryPayOptions(5, 0.6);
  }
}
