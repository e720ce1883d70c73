using System.CommandLine;
using System.Diagnostics;
using Extractor.Store.Query;
using Serilog;

namespace Extractor.Cli;

/// <summary>
/// `extractor query "SQL" [--format table|csv|json|ndjson] [--out FILE]`: SQL over the store's views (forms,
/// indicators, funds, checks). A query DuckDB rejects prints DuckDB's message and exits with 2.
/// </summary>
internal static class QueryVerb
{
    public static Command Create(GlobalOptions global)
    {
        var sql = new Argument<string>("sql") { Description = "the SQL; views: forms, indicators, funds, checks (see README)" };
        var output = new ResultOptions();
        var command = new Command("query", "Run SQL over the store (DuckDB) and print the rows") { sql };
        output.AddTo(command);
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            using var store = StoreAt(config, log);
            var clock = Stopwatch.StartNew();
            var result = Answer(() => store.Query(parse.GetValue(sql)!));
            output.Write(parse, result, $"query {clock.Elapsed.TotalMilliseconds:0} ms; store of {store.Forms} forms opened in {store.ReadTime.TotalMilliseconds:0} ms, {store.FormsRead} read from JSON");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The store of the configured data folder, its warnings logged.</summary>
    public static FormStore StoreAt(CliContext config, ILogger log)
    {
        var data = config.ExistingDataFolder();
        var store = Answer(() => FormStore.Open(data));
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
