package cn.gov.partyaffairs.commitment.statistics;

/**
 * The commitment figures of one organization (its subtree), department, category or the county.
 *
 * @param pledged          commitments made and not withdrawn
 * @param inProgress       open and not yet due: pledged or in progress
 * @param fulfilledOnTime  fulfilled by the due date
 * @param onTimeRate       fulfilled on time over fulfilled; null when none is fulfilled
 * @param overdue          past the due date, unfulfilled
 * @param averageProgress  mean progress in percent over the pledged (a fulfilled one counts 100, no report 0)
 * @param satisfactionRate satisfied and basically satisfied over all evaluations; null without evaluations
 * @param verifiedEvaluations  of the evaluations, those of signed-in citizens (one per person, revisions counted once)
 * @param anonymousEvaluations of the evaluations, the anonymous ones
 */
public record Figures(
        String key,
        String name,
        long pledged,
        long inProgress,
        long fulfilled,
        long fulfilledOnTime,
        Double onTimeRate,
        long overdue,
        long withdrawn,
        Double averageProgress,
        long evaluations,
        long satisfied,
        long basicallySatisfied,
        long dissatisfied,
        Double satisfactionRate,
        long verifiedEvaluations,
        long anonymousEvaluations) {

    /** Sums that add up over a subtree; the rates are computed from them only at the end. */
    static final class Tally {
        long pledged;
        long inProgress;
        long fulfilled;
        long fulfilledOnTime;
        long overdue;
        long withdrawn;
        long progressSum;
        long satisfied;
        long basicallySatisfied;
        long dissatisfied;
        long verified;

        void add(Tally other) {
            pledged += other.pledged;
            inProgress += other.inProgress;
            fulfilled += other.fulfilled;
            fulfilledOnTime += other.fulfilledOnTime;
            overdue += other.overdue;
            withdrawn += other.withdrawn;
            progressSum += other.progressSum;
            satisfied += other.satisfied;
            basicallySatisfied += other.basicallySatisfied;
            dissatisfied += other.dissatisfied;
            verified += other.verified;
        }

        boolean isEmpty() {
            return pledged + withdrawn + satisfied + basicallySatisfied + dissatisfied == 0;
        }

        Figures named(String key, String name) {
            long evaluations = satisfied + basicallySatisfied + dissatisfied;
            return new Figures(key, name, pledged, inProgress, fulfilled, fulfilledOnTime,
                    ratio(fulfilledOnTime, fulfilled), overdue, withdrawn,
                    pledged == 0 ? null : Math.round(progressSum * 10.0 / pledged) / 10.0,
                    evaluations, satisfied, basicallySatisfied, dissatisfied,
                    ratio(satisfied + basicallySatisfied, evaluations), verified, evaluations - verified);
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
        }
    }
}
