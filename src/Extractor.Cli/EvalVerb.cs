using System.CommandLine;
using Extractor.Accuracy;

namespace Extractor.Cli;

/// <summary>
/// `extractor eval [FIXTURES]`: field accuracy of every fixture input against its expected JSON; cases in folders
/// below (the generated corpus' dev/ and test/, fixtures/corpus/) are reported by split.
/// </summary>
internal static class EvalVerb
{
    public static Command Create(GlobalOptions global)
    {
        var folder = new Argument<string>("fixtures") { Description = "the fixtures folder", DefaultValueFactory = _ => "fixtures" };
        var showMisses = new Option<bool>("--misses") { Description = "list every wrong field, [unflagged] where the output carries no check on it" };
        var command = new Command("eval", "Compare the pipeline's output on fixtures with their expected JSON") { folder, showMisses };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var path = parse.GetValue(folder)!;
            if (!Directory.Exists(path)) throw new UsageException($"no such folder: {path}");
            using var pipeline = new ExtractionPipeline(config.Options);
            var results = AccuracyReport.Run(path, pipeline, input => log.Debug("reading {Input}", input));
            Console.Out.Write(AccuracyTable.Render(results));
            if (parse.GetValue(showMisses))
                foreach (var miss in results.Where(r => !r.Correct))
                    Console.Out.WriteLine($"{(miss.Split.Length > 0 ? miss.Split + "/" : "")}{miss.Case}/{miss.Input} #{miss.FormIndex} {miss.Field}: expected {miss.Expected ?? "(none)"}, got {miss.Actual ?? "(none)"}{(miss.WrongAndUnflagged ? " [unflagged]" : "")}");
            return results.All(r => r.Correct) ? ExitCodes.Ok : ExitCodes.SomeInputFailed;
        }));
        return command;
    }
}
