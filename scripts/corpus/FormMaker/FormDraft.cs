using Extractor.Output;

namespace FormMaker;

/// <summary>A generated form: the document it must become (checks included) and the table it is printed as.</summary>
internal sealed record FormDraft(EvaluationForm Truth, FormTable Table);
