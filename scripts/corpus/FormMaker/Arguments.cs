namespace FormMaker;

/// <summary>The command line: where to write, how many forms in all (half per split), which producers and splits.</summary>
internal sealed record Arguments(string Out, int FormsPerSplit, HashSet<string>? Producers, string[] Splits, int? Cases)
{
    public static Arguments? Parse(string[] args)
    {
        string? output = null;
        var forms = 320;
        HashSet<string>? producers = null;
        var splits = FormMaker.Splits.All;
        int? cases = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--out": output = args[i + 1]; break;
                case "--forms" when int.TryParse(args[i + 1], out var n) && n > 0: forms = n; break;
                case "--cases" when int.TryParse(args[i + 1], out var n) && n > 0: cases = n; break;
                case "--producers": producers = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(); break;
                case "--split" when FormMaker.Splits.All.Contains(args[i + 1]): splits = [args[i + 1]]; break;
                default: return null;
            }
        if (output is null || args.Length % 2 != 0) return null;
        return new Arguments(output, cases is null ? (forms + splits.Length - 1) / splits.Length : int.MaxValue, producers, splits, cases);
    }
}
