using System.CommandLine;
using Extractor.Store.Query;

namespace Extractor.Cli;

/// <summary>
/// `extractor export --format parquet|ndjson --out DIR`: every view written as DIR/&lt;view&gt;/year=YYYY/*, the Hive
/// layout Spark, Trino and DuckDB read as one table. An earlier export in DIR is replaced view by view.
/// </summary>
internal static class ExportVerb
{
    public static Command Create(GlobalOptions global)
    {
        var format = new Option<ExportFormat>("--format", "-f") { Description = "parquet or ndjson", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "the folder to write into", Required = true };
        var command = new Command("export", "Write the store's views (forms, indicators, funds, checks) as Parquet or NDJSON, partitioned by year") { format, output };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            using var store = QueryVerb.StoreAt(config, log, folder);
            foreach (var (view, rows) in QueryVerb.Answer(() => store.Export(folder, parse.GetValue(format))))
                Console.Out.WriteLine($"{view,-12}{rows,10} rows  {Path.Combine(folder, view)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
