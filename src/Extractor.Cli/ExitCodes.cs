namespace Extractor.Cli;

/// <summary>The contract's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeInputFailed = 1;
    public const int Usage = 2;
}
