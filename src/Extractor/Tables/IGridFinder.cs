namespace Extractor.Tables;

/// <summary>Recovers the tables of a page: from ruling lines (<see cref="LatticeGridFinder"/>) or from text alignment (<see cref="StreamGridFinder"/>).</summary>
public interface IGridFinder
{
    /// <summary>The tables found on the page, top to bottom; empty when this finder sees none.</summary>
    IReadOnlyList<FoundTable> Find(PageLayout page);
}
