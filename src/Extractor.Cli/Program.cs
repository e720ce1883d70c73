using System.CommandLine;
using Extractor.Cli;

var global = new GlobalOptions();
var root = new RootCommand("extractor: project performance self-evaluation forms (项目支出绩效自评表) to JSON")
{
    global.Config, global.Data, global.Verbose,
    ExtractVerb.Create(global),
    WatchVerb.Create(global),
    StatusVerb.Create(global),
    ImportVerb.Create(global),
    QueryVerb.Create(global),
    AuditVerb.Create(global),
    ExportVerb.Create(global),
    EvalVerb.Create(global),
    DebugVerb.Create(global),
    ReviewVerb.Create(global),
    SchemaVerb.Create(),
    ReaderVerb.Create(global),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"extractor: {error.Message}");
    Console.Error.WriteLine("run 'extractor --help' for usage");
    return ExitCodes.Usage;
}
return parse.Invoke();
