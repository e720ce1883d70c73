using System.CommandLine;
using Extractor.Store;

namespace Extractor.Cli;

/// <summary>`extractor status [--data DIR]`: counts from the ledger and the files still waiting.</summary>
internal static class StatusVerb
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("status", "Print what the worker and imports have done: processed, duplicates, quarantined, pending; and the reviewers' corrections");
        command.SetAction(parse => Cli.Run(parse, global, (config, _) =>
        {
            var data = config.ExistingDataFolder();
            var counts = new Extractor.Store.Ledger.Ledger(data.LedgerPath).Counts();
            var pending = Count(data.Inbox) + Count(data.Work);
            Console.Out.WriteLine($"data folder   {data.Root}");
            Console.Out.WriteLine($"processed     {counts.Processed} files ({counts.Forms} forms)");
            Console.Out.WriteLine($"duplicates    {counts.Duplicates}");
            Console.Out.WriteLine($"quarantined   {counts.Quarantined}");
            Console.Out.WriteLine($"pending       {pending}");
            Console.Out.WriteLine($"corrections   {counts.Corrections}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Entries waiting in a folder, counted without following links (a link to "/" counts once).</summary>
    private static int Count(string folder) =>
        Directory.Exists(folder) ? Extractor.Files.FolderWalk.Entries(folder).Count(e => !DataFolder.IsIgnoredName(e.Name)) : 0;
}
