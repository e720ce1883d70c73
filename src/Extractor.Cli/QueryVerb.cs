using System.CommandLine;
using System.Diagnostics;
using Extractor.Store.Query;
using Serilog;

namespace Extractor.Cli;

/// <summary>
/// `extractor query "SQL" [--format table|csv|json|ndjson] [--out FILE] [--timeout S]`: SQL over the store's views
/// (forms, indicators, funds, checks), read-only (<see cref="FormStore"/>). A query DuckDB rejects prints DuckDB's
/// message and exits with 2, as does one stopped at its time limit.
/// </summary>
internal static class QueryVerb
{
    /// <summary>How long a query may run, in seconds, unless --timeout says otherwise.</summary>
    private const double DefaultTimeoutSeconds = 60;

    public static Command Create(GlobalOptions global)
    {
        var sql = new Argument<string>("sql") { Description = "the SQL; views: forms, indicators, funds, checks (see README)" };
        var output = new ResultOptions();
        var timeout = TimeoutOption();
        var command = new Command("query", "Run SQL over the store (DuckDB, read-only) and print the rows") { sql, timeout };
        output.AddTo(command);
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var limit = TimeLimit(parse, timeout);
            using var store = StoreAt(config, log);
            var clock = Stopwatch.StartNew();
            var result = Answer(() => store.Query(parse.GetValue(sql)!, timeout: limit));
            output.Write(parse, result, $"query {clock.Elapsed.TotalMilliseconds:0} ms; store of {store.Forms} forms opened in {store.ReadTime.TotalMilliseconds:0} ms, {store.FormsRead} read from JSON");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>--timeout: seconds a query may run before DuckDB is interrupted.</summary>
    public static Option<double> TimeoutOption() => new("--timeout")
    {
        Description = $"stop the query after this many seconds (exit code 2); default {DefaultTimeoutSeconds}",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
    };

    public static TimeSpan TimeLimit(ParseResult parse, Option<double> option) =>
        parse.GetValue(option) is var seconds && double.IsFinite(seconds) && seconds > 0 && seconds <= int.MaxValue / 1000
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--timeout must be a number of seconds above 0, not {seconds}");

    /// <summary>The store of the configured data folder, its warnings logged; only <paramref name="exportFolder"/> writable.</summary>
    public static FormStore StoreAt(CliContext config, ILogger log, string? exportFolder = null)
    {
        var data = config.ExistingDataFolder();
        var store = Answer(() => FormStore.Open(data, exportFolder));
        foreach (var warning in store.Warnings)
            log.Warning("{Warning}", warning);
        return store;
    }

    /// <summary>DuckDB's refusal is the user's to fix: its message, exit code 2.</summary>
    public static T Answer<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (StoreQueryException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
