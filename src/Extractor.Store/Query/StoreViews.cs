namespace Extractor.Store.Query;

/// <summary>
/// The SQL shape of the store (CONTRACT.md "Query views"): the JSON documents as one table, and the auditors' views
/// over it, snake_case, every row carrying its form_id. The one place these names are written.
/// </summary>
internal static class StoreViews
{
    private const string Money = "DECIMAL(18,2)";
    private const string FundsLine = $"STRUCT(initialBudget {Money}, annualBudget {Money}, executed {Money})";

    /// <summary>
    /// The document's keys and their types, as given to read_json: explicit, so an empty store, a document missing a
    /// key or carrying a new one still reads. Scores, weights and rates are points (DOUBLE); money stays exact.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string Type)> DocumentColumns =
    [
        ("schemaVersion", "INTEGER"),
        ("title", "VARCHAR"),
        ("year", "INTEGER"),
        ("projectName", "VARCHAR"),
        ("department", "VARCHAR"),
        ("implementingUnit", "VARCHAR"),
        ("funds", $"STRUCT(unitAsPrinted VARCHAR, \"rows\" STRUCT(total {FundsLine}, currentYearAppropriation {FundsLine}, priorYearCarryover {FundsLine}, other {FundsLine}), weight DOUBLE, executionRatePercent DOUBLE, score DOUBLE)"),
        ("goals", "STRUCT(planned VARCHAR, achieved VARCHAR)"),
        ("indicators", "STRUCT(level1 VARCHAR, level2 VARCHAR, \"name\" VARCHAR, target VARCHAR, actual VARCHAR, weight DOUBLE, score DOUBLE, deviation VARCHAR)[]"),
        ("totalWeight", "DOUBLE"),
        ("totalScore", "DOUBLE"),
        ("checks", "STRUCT(code VARCHAR, severity VARCHAR, field VARCHAR, message VARCHAR)[]"),
        ("source", "STRUCT(file VARCHAR, sha256 VARCHAR, formIndex INTEGER, pages INTEGER[], method VARCHAR)"),
        // from and to are a number, a text or null: kept as JSON, shown as text by the corrections view.
        ("corrections", "STRUCT(field VARCHAR, \"from\" JSON, \"to\" JSON, \"by\" VARCHAR, \"at\" VARCHAR, note VARCHAR)[]"),
    ];

    /// <summary>The view names, in the order they are documented and exported.</summary>
    public static readonly IReadOnlyList<string> Names = ["forms", "indicators", "funds", "checks", "corrections"];

    /// <summary>
    /// The table's columns: the file's form_id and stamp (size and time, to see it changed), then the document's keys.
    /// </summary>
    private static IEnumerable<(string Key, string Type)> TableColumns =>
        DocumentColumns.Prepend(("file_stamp", "VARCHAR")).Prepend(("form_id", "VARCHAR"));

    public static string CreateDocumentsTable() =>
        $"CREATE TABLE documents ({string.Join(", ", TableColumns.Select(c => $"\"{c.Key}\" {c.Type}"))})";

    /// <summary>
    /// Adds the documents of an <see cref="OutboxSnapshot"/> (NDJSON, form_id and file_stamp on every line). Strict
    /// fails on a value of another type than the contract's; lenient reads it as NULL.
    /// </summary>
    public static string InsertSnapshot(string ndjsonPath, bool strict)
    {
        var columns = string.Join(", ", TableColumns.Select(c => $"\"{c.Key}\": {Literal(c.Type)}"));
        return $$"""
            INSERT INTO documents
            SELECT * FROM read_json({{Literal(ndjsonPath)}}, columns = {{{columns}}}, format = 'newline_delimited', maximum_object_size = 67108864, ignore_errors = {{!strict}})
            """;
    }

    /// <summary>Names the table's shape, so a cache written for other columns is never read as this one.</summary>
    public static string ShapeId() =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CreateDocumentsTable())))[..12].ToLowerInvariant();

    /// <summary>Contract columns first, in the contract's order; a child view then carries its form's keys.</summary>
    public static readonly IReadOnlyList<string> CreateViews =
    [
        """
        CREATE VIEW forms AS
        SELECT form_id, year, title, projectName AS project_name, department, implementingUnit AS implementing_unit,
               funds.unitAsPrinted AS unit_as_printed,
               funds."rows".total.initialBudget AS initial_budget, funds."rows".total.annualBudget AS annual_budget,
               funds."rows".total.executed AS executed, funds.executionRatePercent AS execution_rate_percent,
               funds.weight AS funds_weight, funds.score AS funds_score,
               totalWeight AS total_weight, totalScore AS total_score,
               coalesce(len(indicators), 0) AS indicator_count, coalesce(len(checks), 0) AS check_count,
               coalesce(len(corrections), 0) AS correction_count,
               source.file AS source_file, source.sha256 AS source_sha256, source.formIndex AS form_index,
               source.pages AS pages, source.method AS method,
               goals.planned AS goals_planned, goals.achieved AS goals_achieved, schemaVersion AS schema_version
        FROM documents
        """,
        """
        CREATE VIEW indicators AS
        SELECT form_id, position, i.level1, i.level2, i."name", i.target, i.actual, i.weight, i.score, i.deviation,
               year, department, project_name
        FROM (SELECT form_id, year, department, projectName AS project_name,
                     unnest(indicators) AS i, unnest(generate_series(1, len(indicators))) AS position
              FROM documents)
        """,
        """
        CREATE VIEW funds AS
        SELECT form_id, f.line, f.amounts.initialBudget AS initial_budget, f.amounts.annualBudget AS annual_budget,
               f.amounts.executed AS executed, year, department, project_name
        FROM (SELECT form_id, year, department, projectName AS project_name,
                     unnest([{'line': 'total', 'amounts': funds."rows".total},
                             {'line': 'currentYearAppropriation', 'amounts': funds."rows".currentYearAppropriation},
                             {'line': 'priorYearCarryover', 'amounts': funds."rows".priorYearCarryover},
                             {'line': 'other', 'amounts': funds."rows".other}]) AS f
              FROM documents)
        """,
        """
        CREATE VIEW checks AS
        SELECT form_id, c.code, c.severity, c.field, c.message, year, department, project_name
        FROM (SELECT form_id, year, department, projectName AS project_name, unnest(checks) AS c FROM documents)
        """,
        """
        CREATE VIEW corrections AS
        SELECT form_id, c.field, json_extract_string(c."from", '$') AS from_value, json_extract_string(c."to", '$') AS to_value,
               c."by", c."at", c.note, year, department, project_name
        FROM (SELECT form_id, year, department, projectName AS project_name, unnest(corrections) AS c FROM documents)
        """,
    ];

    public static string Literal(string text) => $"'{text.Replace("'", "''")}'";
}
