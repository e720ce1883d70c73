namespace Extractor.Store.Query;

/// <summary>
/// What the user's SQL may do once the store is open: compute over the in-memory tables and views, nothing else.
/// DuckDB's external access is turned off (no file or URL is read or written: no read_csv, glob, COPY, ATTACH of a
/// file, INSTALL or LOAD of an extension), extensions are never fetched or loaded on demand, spilling to disk is off
/// (a query over its memory fails instead of filling a disk), and the configuration is locked, so no statement can
/// turn any of it back on. Everything the store reads is read before <see cref="Lock"/>.
/// </summary>
internal static class QuerySandbox
{
    /// <summary>Set first, so that not even the store's own statements fetch or load an extension on demand.</summary>
    public const string NoExtensions = """
        SET autoinstall_known_extensions = false;
        SET autoload_known_extensions = false;
        SET allow_community_extensions = false;
        """;

    /// <summary>
    /// Closes the sandbox. <paramref name="writableFolder"/> is the one folder `export` writes into (DuckDB's
    /// allowed_directories: that folder and below, nothing else); null for query and audit.
    /// </summary>
    public static string Lock(string? writableFolder)
    {
        var allowed = writableFolder is null
            ? ""
            : $"SET allowed_directories = [{StoreViews.Literal(Path.TrimEndingDirectorySeparator(Path.GetFullPath(writableFolder)) + "/")}];\n";
        return $"""
            SET temp_directory = '';
            {allowed}SET enable_external_access = false;
            SET lock_configuration = true;
            """;
    }
}
