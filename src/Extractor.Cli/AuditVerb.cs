using System.CommandLine;
using System.Globalization;
using Extractor.Store.Query;

namespace Extractor.Cli;

/// <summary>
/// `extractor audit [REPORT] [--threshold N] [--format table|csv|json|ndjson] [--out FILE] [--timeout S]`: the
/// auditors' usual questions as named reports (<see cref="AuditReports"/>); without a name, the list of reports.
/// </summary>
internal static class AuditVerb
{
    public static Command Create(GlobalOptions global)
    {
        var name = new Argument<string?>("report") { Description = "the report to run; leave out to list them", Arity = ArgumentArity.ZeroOrOne };
        var threshold = new Option<double?>("--threshold", "-t") { Description = "the report's threshold (see the list for each one's meaning and default)" };
        var timeout = QueryVerb.TimeoutOption();
        var output = new ResultOptions();
        var command = new Command("audit", "Run a named audit report over the store, or list the reports") { name, threshold, timeout };
        output.AddTo(command);
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            if (parse.GetValue(name) is not { } reportName)
            {
                output.Write(parse, Catalogue(), "run one with: extractor audit NAME", int.MaxValue);
                return ExitCodes.Ok;
            }
            var report = AuditReports.Find(reportName)
                ?? throw new UsageException($"no audit report named '{reportName}'; the reports are: {string.Join(", ", AuditReports.All.Select(r => r.Name))}");
            var given = parse.GetValue(threshold);
            if (given is not null && report.DefaultThreshold is null)
                throw new UsageException($"the report '{report.Name}' takes no threshold");
            var parameters = report.DefaultThreshold is null ? null : new Dictionary<string, object?> { ["threshold"] = (decimal)(given ?? report.DefaultThreshold.Value) };

            var limit = QueryVerb.TimeLimit(parse, timeout);
            using var store = QueryVerb.StoreAt(config, log);
            var result = QueryVerb.Answer(() => store.Query(report.Sql, parameters, limit));
            output.Write(parse, result, $"{report.Name}: {report.Description}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static QueryResult Catalogue() => new(
        ["report", "threshold", "what it lists"],
        AuditReports.All.Select(r => new object?[]
        {
            r.Name,
            r.DefaultThreshold is { } t ? $"{t.ToString(CultureInfo.InvariantCulture)} ({r.ThresholdMeaning})" : null,
            r.Description,
        }).ToList());
}
