namespace FormMaker;

/// <summary>The case as an Excel 2007-365 workbook (.xlsx) saved by LibreOffice Calc.</summary>
internal sealed class XlsxProducer() : WorkbookProducer("xlsx", "Calc MS Excel 2007 XML");
