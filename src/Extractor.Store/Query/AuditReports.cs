namespace Extractor.Store.Query;

/// <summary>
/// One of the auditors' usual questions as SQL over the store's views. A report with a threshold reads it as
/// <c>$threshold</c>; <see cref="DefaultThreshold"/> applies when the user gives none.
/// </summary>
public sealed record AuditReport(string Name, string Description, string Sql, double? DefaultThreshold = null, string? ThresholdMeaning = null);

/// <summary>
/// The named reports of `extractor audit`, in one place. Each is plain SQL over forms, indicators, funds and checks,
/// so an auditor can copy one into `extractor query` and adapt it.
/// </summary>
public static class AuditReports
{
    /// <summary>The validator's tolerance for a printed execution rate (CONTRACT.md, execution-rate-mismatch).</summary>
    private const string RateTolerance = "0.01";

    public static readonly IReadOnlyList<AuditReport> All =
    [
        new("low-scores",
            "Projects whose total score is under the threshold, lowest first.",
            """
            SELECT form_id, year, department, project_name, total_score, total_weight, check_count
            FROM forms
            WHERE total_score < $threshold
            ORDER BY total_score, year, department, project_name, form_id
            """,
            90, "total score below this"),

        new("full-scores-with-deviation",
            "Indicators with full marks (score at or above weight) that still explain a deviation: the score or the text is wrong.",
            """
            SELECT form_id, year, project_name, position, name, target, actual, weight, score, deviation
            FROM indicators
            WHERE score >= weight AND deviation IS NOT NULL
            ORDER BY year, project_name, form_id, position
            """),

        new("execution-rate",
            $"Projects whose printed execution rate is under the threshold, or differs from executed / annual budget by over {RateTolerance} point.",
            $"""
            SELECT form_id, year, department, project_name, annual_budget, executed, execution_rate_percent,
                   round(executed / annual_budget * 100, 2) AS computed_rate_percent,
                   concat_ws('; ',
                       CASE WHEN execution_rate_percent < $threshold THEN 'below ' || $threshold || '%' END,
                       CASE WHEN abs(executed / annual_budget * 100 - execution_rate_percent) > {RateTolerance}
                            THEN 'printed rate differs from the amounts' END) AS finding
            FROM forms
            WHERE execution_rate_percent < $threshold
               OR (annual_budget <> 0 AND abs(executed / annual_budget * 100 - execution_rate_percent) > {RateTolerance})
            ORDER BY year, department, project_name, form_id
            """,
            90, "execution rate (%) below this"),

        new("weights-not-100",
            "Forms whose funds weight plus indicator weights, or whose printed total weight, is not 100.",
            """
            SELECT f.form_id, f.year, f.department, f.project_name, f.funds_weight,
                   coalesce(i.indicator_weights, 0) AS indicator_weights,
                   coalesce(f.funds_weight, 0) + coalesce(i.indicator_weights, 0) AS weight_sum, f.total_weight
            FROM forms f
            LEFT JOIN (SELECT form_id, sum(weight) AS indicator_weights FROM indicators GROUP BY form_id) i USING (form_id)
            WHERE coalesce(f.funds_weight, 0) + coalesce(i.indicator_weights, 0) <> 100 OR f.total_weight IS DISTINCT FROM 100
            ORDER BY f.year, f.department, f.project_name, f.form_id
            """),

        new("forms-with-checks",
            "Forms the validator flagged: number of checks, of errors, and the check codes.",
            """
            SELECT f.form_id, f.year, f.department, f.project_name, f.check_count,
                   count(*) FILTER (WHERE c.severity = 'error') AS errors,
                   string_agg(DISTINCT c.code, ', ' ORDER BY c.code) AS codes
            FROM forms f JOIN checks c USING (form_id)
            GROUP BY ALL
            ORDER BY f.year, f.department, f.project_name, f.form_id
            """),

        new("score-spread",
            "Total scores by department and year: forms, lowest, average, median, highest, standard deviation, forms under the threshold.",
            """
            SELECT department, year, count(*) AS forms,
                   min(total_score) AS lowest, round(avg(total_score), 2) AS average, median(total_score) AS median,
                   max(total_score) AS highest, round(stddev_samp(total_score), 2) AS std_dev,
                   count(*) FILTER (WHERE total_score < $threshold) AS under_threshold
            FROM forms
            GROUP BY department, year
            ORDER BY department, year
            """,
            90, "total score below this counts in under_threshold"),
    ];

    public static AuditReport? Find(string name) => All.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
