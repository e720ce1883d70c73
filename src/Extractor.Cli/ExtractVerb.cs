using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Extractor.Output;
using Extractor.Readers;

namespace Extractor.Cli;

/// <summary>
/// `extractor extract FILES|FOLDERS... --out DIR`: the JSON only, no data folder, no ledger. A file that fails, for
/// whatever reason, is one error line naming it; the others are still read (exit code 1).
/// </summary>
internal static class ExtractVerb
{
    public static Command Create(GlobalOptions global)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "files or folders (walked recursively) to read", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "folder the JSON documents are written to", Required = true };
        var command = new Command("extract", "Read forms from files and write one JSON document per form") { inputs, output };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var (files, passedOver, refused) = InputPaths.Expand(parse.GetValue(inputs)!);
            foreach (var file in passedOver) log.Information("{File}: passed over (not a kind of input this reads)", file);
            foreach (var (file, reason) in refused) log.Error("{File}: {Reason}", file, reason);
            var outFolder = parse.GetValue(output)!;
            using var extractor = config.Extractor(log);
            var results = new ConcurrentDictionary<int, (string Lines, bool Failed, int Forms)>();
            var clock = Stopwatch.StartNew();

            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = config.Options.EffectiveParallelism }, i =>
            {
                var file = files[i].Shown;
                try
                {
                    var input = InputFile.Load(files[i].Path, System.IO.Path.GetFileName(files[i].RelativeName), config.Options.Limits.MaxFileBytes);
                    var extraction = extractor.Extract(input);
                    var lines = new List<string>();
                    foreach (var form in extraction.Forms)
                    {
                        FormJson.Write(form, outFolder);
                        var checks = form.Checks.Count == 0 ? "no checks" : string.Join(",", form.Checks.Select(c => c.Code).Distinct());
                        lines.Add($"{file}\t#{form.Source.FormIndex}\t{form.ProjectName ?? "(no project name)"}\t{checks}");
                    }
                    foreach (var skipped in extraction.Skipped)
                        log.Information("{File}: skipped form {Position}: {Reason}", file, skipped.Position, skipped.Reason);
                    results[i] = (string.Join('\n', lines), false, extraction.Forms.Count);
                }
                catch (InputRejectedException e)
                {
                    log.Error("{File}: {Reason}", file, e.Reason);
                    results[i] = ("", true, 0);
                }
                catch (IOException e)
                {
                    log.Error("{File}: cannot be read or written: {Reason}", file, e.Message);
                    results[i] = ("", true, 0);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever one file does to its reader, this file fails in one line and the batch goes on.
                    var reason = e switch
                    {
                        Extractor.Isolation.ReaderStoppedException stopped => stopped.Reason,
                        OutOfMemoryException => "the reader failed: it needs more memory than the process may use",
                        _ => $"the reader failed: {e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "),
                    };
                    log.Error("{File}: {Reason}", file, reason);
                    results[i] = ("", true, 0);
                }
            });

            foreach (var (_, r) in results.OrderBy(r => r.Key))
                if (r.Lines.Length > 0) Console.Out.WriteLine(r.Lines);
            var failed = results.Values.Count(r => r.Failed) + refused.Count;
            var forms = results.Values.Sum(r => r.Forms);
            var others = passedOver.Count == 0 ? "" : $", {passedOver.Count} other files passed over";
            Console.Out.WriteLine($"{files.Count + refused.Count} files, {forms} forms written to {outFolder}, {failed} failed{others} ({clock.Elapsed.TotalSeconds:0.00} s)");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeInputFailed;
        }));
        return command;
    }
}
