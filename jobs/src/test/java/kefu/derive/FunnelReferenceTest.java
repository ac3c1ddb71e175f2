package kefu.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-Java reference gives the funnel worked out by hand for {@link FunnelCases}. */
class FunnelReferenceTest {

  @Test
  void theReferenceFunnelOfTheHandMadeCasesIsTheOneWorkedOutByHand() {
    assertEquals(FunnelCases.EXPECTED, FunnelReference.funnel(FunnelCases.messages(),
        FunnelCases.orderLines(), FunnelCases.ZONE));
  }

  @Test
  void aLateReplyJoinsTheWaitingBuyerOnlyOnTheSameBusinessDay() {
    List<FunnelReference.Reception> r = FunnelReference.receptions(FunnelCases.messages(),
        FunnelCases.ZONE);
    // b1 1, b2 2 (the reply after midnight starts its own), b3 2, b4 1, b5 1, b6 1, b7, b8, b9 1
    assertEquals(11, r.size());
    assertEquals(List.of(2, 1, 3), r.stream().filter(x -> x.first().buyer().equals("b2")
        || x.first().buyer().equals("b1")).map(x -> x.messages().size()).toList());
  }
}
