// Generates the corpus of forms nobody tuned the mapper to (issue 12): seeded, deterministic cases of random but
// valid forms with their expected documents, each case printed by every producer, in a dev and a test split of
// disjoint seeds, laid out as fixtures/ cases so `extractor eval` reads it.
//   FormMaker --out DIR [--forms N] [--producers html,text,chromium,libreoffice,xlsx,xls,docx,scan300,...] [--split dev|test] [--cases N]
// (the scan kinds scan300, scan200-noisy, scan200-bw, photo and scan300-seal run only when named).
using FormMaker;

var options = Arguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: FormMaker --out DIR [--forms N] [--producers NAME,...] [--split dev|test] [--cases N]");
    return 2;
}
var all = typeof(IFormProducer).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFormProducer).IsAssignableFrom(t))
    .Select(t => (IFormProducer)Activator.CreateInstance(t)!).OrderBy(p => p.Name).ToList();
var producers = options.Producers is null ? all.Where(p => p.ByDefault).ToList() : all.Where(p => options.Producers.Contains(p.Name)).ToList();
foreach (var unknown in (options.Producers ?? []).Except(all.Select(p => p.Name)))
{
    Console.Error.WriteLine($"FormMaker: no producer named {unknown} (there are {string.Join(", ", all.Select(p => p.Name))})");
    return 2;
}
foreach (var p in producers.Where(p => p.Missing() is not null).ToList())
{
    Console.Error.WriteLine($"FormMaker: {p.Name} left out, it needs {p.Missing()}");
    producers.Remove(p);
}

var started = DateTime.UtcNow;
var forms = 0;
foreach (var split in options.Splits)
{
    var splitForms = 0;
    var cases = 0;
    for (var seed = Splits.FirstSeed(split); splitForms < options.FormsPerSplit && (options.Cases is null || cases < options.Cases); seed++)
    {
        var corpusCase = CorpusCase.Make(split, seed);
        var folder = Directory.CreateDirectory(Path.Combine(options.Out, split, corpusCase.Name)).FullName;
        ExpectedDocument.Write(corpusCase, folder);
        foreach (var producer in producers) producer.Write(corpusCase, folder);
        splitForms += corpusCase.Forms.Count;
        cases++;
    }
    foreach (var producer in producers) producer.Finish();
    Console.Error.WriteLine($"{split}: {cases} cases, {splitForms} forms");
    forms += splitForms;
}
Console.Error.WriteLine($"FormMaker: {forms} forms by {string.Join(", ", producers.Select(p => p.Name))} into {options.Out} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
return 0;
