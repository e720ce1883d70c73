using Extractor.Store;
using Extractor.Store.Query;

namespace Extractor.Review;

/// <summary>
/// The forms of the store as the review page lists them (GET /api/forms): the contract's columns, the check codes
/// and errors to filter by, worst first (most errors, most checks, lowest score). Read through the query views, so
/// the list sees what `extractor query` sees, corrections included.
/// </summary>
internal static class FormList
{
    private const string Sql = """
        SELECT f.form_id, f.project_name, f.year, f.department, f.total_score, f.check_count, f.correction_count,
               coalesce((SELECT list(DISTINCT c.code ORDER BY c.code) FROM checks c WHERE c.form_id = f.form_id), []) AS check_codes,
               (SELECT count(*) FROM checks c WHERE c.form_id = f.form_id AND c.severity = 'error') AS error_count,
               f.source_file, f.method
        FROM forms f
        ORDER BY error_count DESC, f.check_count DESC, f.total_score ASC NULLS FIRST, f.form_id
        """;

    public static List<Dictionary<string, object?>> Of(DataFolder data)
    {
        using var store = FormStore.Open(data);
        var result = store.Query(Sql);
        return result.Rows.Select(row => result.Columns.Select((name, i) => (name, value: row[i])).ToDictionary(c => c.name, c => c.value)).ToList();
    }
}
