using System.CommandLine;
using Extractor.Output;

namespace Extractor.Cli;

/// <summary>`extractor schema`: the output contract as a JSON Schema, on standard output.</summary>
internal static class SchemaVerb
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema every output document follows");
        command.SetAction(_ =>
        {
            Console.Out.Write(FormSchema.Text());
            return ExitCodes.Ok;
        });
        return command;
    }
}
