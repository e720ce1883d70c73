using System.Data.Common;
using DuckDB.NET.Data;

namespace Extractor.Store.Query;

/// <summary>A query's answer, read in full: column names and rows of DuckDB values (null for SQL NULL).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>What DuckDB said about a query it could not run: a message for the user, no stack trace.</summary>
public sealed class StoreQueryException(string message) : Exception(message);

/// <summary>
/// The store as SQL: an in-memory DuckDB that reads outbox/*.json once, at open, into one table, with the
/// auditors' views (<see cref="StoreViews"/>) over it. The JSON files stay the single source of truth.
/// </summary>
public sealed class FormStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private FormStore(DuckDBConnection connection) => _connection = connection;

    /// <summary>The outbox's files that are no JSON object, left out of the views.</summary>
    public IReadOnlyList<string> Skipped { get; private set; } = [];

    public int Forms { get; private set; }

    /// <summary>How long reading the outbox took, the snapshot and DuckDB's load together.</summary>
    public TimeSpan ReadTime { get; private set; }

    public static FormStore Open(DataFolder data)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var store = new FormStore(connection);
        try
        {
            using var snapshot = OutboxSnapshot.Take(data);
            store.Execute(StoreViews.CreateDocuments(snapshot.Path));
            foreach (var view in StoreViews.CreateViews) store.Execute(view);
            (store.Skipped, store.Forms, store.ReadTime) = (snapshot.Skipped, snapshot.Forms, clock.Elapsed);
            return store;
        }
        catch (DuckDBException e)
        {
            store.Dispose();
            throw new StoreQueryException($"the store in {data.Outbox} cannot be read: {e.Message.TrimEnd()}");
        }
    }

    /// <summary>Runs one SQL statement (or several; the last one's rows are returned), with named $parameters.</summary>
    public QueryResult Query(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                command.Parameters.Add(new DuckDBParameter(name, value));
            using var reader = command.ExecuteReader();
            return Read(reader);
        }
        catch (DuckDBException e)
        {
            throw new StoreQueryException(e.Message.TrimEnd());
        }
    }

    /// <summary>
    /// Writes every view under <paramref name="folder"/>/&lt;view&gt;/year=YYYY/ (Hive layout) as Parquet or NDJSON,
    /// replacing what an earlier export left there. Returns the rows written per view.
    /// </summary>
    public IReadOnlyList<(string View, long Rows)> Export(string folder, ExportFormat format)
    {
        Directory.CreateDirectory(folder);
        var options = format == ExportFormat.Parquet ? "FORMAT parquet" : "FORMAT json, FILE_EXTENSION 'ndjson'";
        var written = new List<(string, long)>();
        foreach (var view in StoreViews.Names)
        {
            var target = Path.Combine(Path.GetFullPath(folder), view);
            var rows = Query($"SELECT count(*) FROM {view}").Rows[0][0];
            Execute($"COPY (SELECT * FROM {view}) TO {StoreViews.Literal(target)} ({options}, PARTITION_BY (year), OVERWRITE true)");
            written.Add((view, Convert.ToInt64(rows, System.Globalization.CultureInfo.InvariantCulture)));
        }
        return written;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static QueryResult Read(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }
}

public enum ExportFormat { Parquet, Ndjson }
