package kefu.pipeline;

import java.util.List;

/**
 * One stage of a review: its name, the marts it writes with their schemas declared once, and one
 * run from a parameter object to an immutable result. The conductor ({@link ReviewRun}) runs the
 * stages in order and owns nothing else; a stage never calls back into it.
 *
 * @param <I> the stage's inputs, as one record
 * @param <R> what it hands to the later stages and to its presenter (kefu.present)
 */
interface Stage<I, R> {
  String name();

  /** The marts the stage writes under {@code marts/}, in order (empty for none). */
  List<Mart> marts();

  R run(I input);

  /** Rows in and out, for the stage's progress line and the benchmark table. */
  StageLog.Counts counts(I input, R result);
}
