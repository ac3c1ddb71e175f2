package kefu.notebook;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a run's Parquet marts are (a path or URI as the researcher will read it), its id and its
 * period's dates, which the notebook's code cells use.
 */
public record RunLocation(String runId, String martsLocation, List<String> marts,
    LocalDate periodStart, LocalDate periodEndExclusive) {}
