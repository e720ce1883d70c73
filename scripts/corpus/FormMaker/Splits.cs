namespace FormMaker;

/// <summary>
/// The two splits and their seed ranges, disjoint so no test form is ever a dev form: dev cases are seeded from
/// 1 up, test cases from 5,000,001 up.
/// </summary>
internal static class Splits
{
    public static readonly string[] All = ["dev", "test"];

    public static int FirstSeed(string split) => split == "test" ? 5_000_001 : 1;
}
