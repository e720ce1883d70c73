using System.CommandLine;
using System.Diagnostics;
using Extractor.Store;
using Extractor.Store.Query;
using Serilog;
using Spectre.Console;

namespace Extractor.Cli;

/// <summary>
/// `extractor import PATHS... [--data DIR]`: the same effect as dropping the files into the inbox (same ledger,
/// same names), with the originals left where they are. Importing twice adds nothing; a run stopped half-way
/// resumes, since what is done is in the ledger.
/// </summary>
internal static class ImportVerb
{
    private const int TransientAttempts = 4;

    public static Command Create(GlobalOptions global)
    {
        var paths = new Argument<string[]>("paths") { Description = "files or folders (walked recursively) to import", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import files or whole folders into the data folder's store, as the worker would") { paths };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var (inputs, passedOver, refused) = InputPaths.Expand(parse.GetValue(paths)!);
            var data = new DataFolder(config.Options.DataPath).Ensure();
            // Per-file lines only for what needs attention; progress is the periodic line or the progress display.
            var fileLog = Console.IsErrorRedirected ? new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Logger(log).CreateLogger() : Serilog.Core.Logger.None;
            using var extractor = config.Extractor(log);
            var ledger = new Extractor.Store.Ledger.Ledger(data.LedgerPath);
            // Here, not only in Recover: its warning must show even when per-file lines are off.
            Extractor.Store.Ledger.LedgerRebuild.IfLost(data, ledger, log);
            var ingest = new FileIngest(extractor, config.Options, data, ledger, fileLog);
            ingest.Recover();
            var report = new ImportReport();
            foreach (var (shown, reason) in refused)
            {
                log.Error("{File}: {Reason}", shown, reason);
                report.Add(shown, new IngestResult(IngestStatus.Quarantined, reason, null, []));
            }
            var clock = Stopwatch.StartNew();

            void ImportAll(Action? progressed)
            {
                Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = config.Options.EffectiveParallelism }, input =>
                {
                    report.Add(input.RelativeName, ImportOne(ingest, input));
                    progressed?.Invoke();
                });
            }

            if (Console.IsErrorRedirected)
            {
                using var timer = new Timer(_ => log.Information("import: {Done}/{Total} files, {Forms} forms, {Failures} failed, {Rate:0.0} files/s",
                    report.Files, inputs.Count, report.Forms, report.Failures, report.FilesPerSecond(clock.Elapsed)), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
                ImportAll(null);
            }
            else
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("importing", maxValue: inputs.Count);
                        ImportAll(() =>
                        {
                            task.Increment(1);
                            task.Description = $"{report.Files}/{inputs.Count} files, {report.Forms} forms, {report.Failures} failed, {report.FilesPerSecond(clock.Elapsed):0.0} files/s";
                        });
                    });
            }

            PrintSummary(report, passedOver.Count, clock.Elapsed);
            // Auditors query right after an import: bring the query cache up to date now, not at their first query.
            if (report.Forms > 0) RefreshQueryCache(data, log);
            var reportPath = report.Write(Path.Combine(data.State, "reports"));
            log.Information("import: {Files} files, {Forms} forms, {Duplicates} already imported, {Failures} failed in {Seconds:0.0} s; report {Report}",
                report.Files, report.Forms, report.Duplicates, report.Failures, clock.Elapsed.TotalSeconds, reportPath);
            return report.Failures == 0 ? ExitCodes.Ok : ExitCodes.SomeInputFailed;
        }));
        return command;
    }

    private static IngestResult ImportOne(FileIngest ingest, InputPaths.Input input)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = ingest.Ingest(input.Path, input.RelativeName, OriginalHandling.Keep, CancellationToken.None);
            if (result.Status != IngestStatus.Retry || attempt == TransientAttempts) return result;
            Thread.Sleep(TimeSpan.FromSeconds(attempt));
        }
    }

    private static void RefreshQueryCache(DataFolder data, ILogger log)
    {
        try
        {
            using var store = FormStore.Open(data);
            log.Information("import: the query views hold {Forms} forms ({Read} read now)", store.Forms, store.FormsRead);
        }
        catch (StoreQueryException e)
        {
            log.Warning("import: the query cache was not refreshed: {Reason}", e.Message);
        }
    }

    private static void PrintSummary(ImportReport report, int passedOver, TimeSpan elapsed)
    {
        Console.Out.WriteLine($"{"year",-18}{"kind",-10}{"files",8}{"forms",8}{"checks",8}{"failed",8}{"already",9}");
        foreach (var (year, kind, line) in report.Rows())
            Console.Out.WriteLine($"{year,-18}{kind,-10}{line.Files,8}{line.Forms,8}{line.Checks,8}{line.Failures.Count,8}{line.Duplicates,9}");
        var others = passedOver == 0 ? "" : $", {passedOver} other files passed over";
        Console.Out.WriteLine($"{report.Files} files, {report.Forms} forms, {report.Duplicates} already imported, {report.Failures} failed{others} in {elapsed.TotalSeconds:0.0} s ({report.FilesPerSecond(elapsed):0.0} files/s)");
        foreach (var (_, _, line) in report.Rows())
            foreach (var failure in line.Failures)
                Console.Error.WriteLine($"failed: {failure}");
    }
}
