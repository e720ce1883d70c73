namespace Extractor.Output;

/// <summary>The contract as a JSON Schema (draft 2020-12), embedded so `extractor schema` and the tests serve the same file.</summary>
public static class FormSchema
{
    public static string Text()
    {
        using var stream = typeof(FormSchema).Assembly.GetManifestResourceStream("form.schema.json")
            ?? throw new InvalidOperationException("form.schema.json is not embedded in the Extractor assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
