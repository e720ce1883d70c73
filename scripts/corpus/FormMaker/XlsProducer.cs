namespace FormMaker;

/// <summary>The case as an Excel 97-2003 workbook (.xls, BIFF8) saved by LibreOffice Calc.</summary>
internal sealed class XlsProducer() : WorkbookProducer("xls", "MS Excel 97");
