using System.Diagnostics;
using System.Text;
using Extractor.Files;
using Extractor.Readers;

namespace Extractor.Tests.Files;

/// <summary>Entries told apart without following or opening them; names as the file system holds them.</summary>
public sealed class NativeFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("extractor-files-").FullName;

    // rm, not Directory.Delete: .NET cannot name an entry whose name is not UTF-8.
    public void Dispose() => Run("rm", "-rf", _root);

    private string At(string name) => Path.Combine(_root, name);

    private static void Run(string command, params string[] args) => Process.Start(command, args)!.WaitForExit();

    [Fact]
    public async Task A_fifo_is_refused_without_blocking_the_reader()
    {
        Run("mkfifo", At("pipe.txt"));
        var read = Task.Run(() => InputFile.Load(RawName.Bytes(At("pipe.txt")), "pipe.txt"));
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5)))).ShouldBe(read, "opening the FIFO blocked");
        (await Should.ThrowAsync<InputRejectedException>(read)).Reason.ShouldContain("FIFO");
        FolderWalk.Entries(_root).Single().Kind.ShouldBe(EntryKind.Fifo);
    }

    [Fact]
    public void A_link_to_a_file_outside_is_refused_and_its_target_never_read()
    {
        var outside = Directory.CreateTempSubdirectory("extractor-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(At("form.txt"), Path.Combine(outside, "secret.txt"));
        Should.Throw<InputRejectedException>(() => InputFile.Load(RawName.Bytes(At("form.txt")), "form.txt")).Reason.ShouldContain("link");
        Directory.Delete(outside, true);
    }

    [Fact]
    public void A_walk_reports_links_to_folders_and_never_enters_them()
    {
        Directory.CreateDirectory(At("a/b"));
        File.WriteAllText(At("a/b/form.txt"), "x");
        Directory.CreateSymbolicLink(At("a/loop"), _root);
        Directory.CreateSymbolicLink(At("a/root"), "/");
        var entries = FolderWalk.Entries(At("a")).ToList();
        entries.Select(e => (e.SafeRelativeName, e.Kind)).ShouldBe([("b/form.txt", EntryKind.File), ("loop", EntryKind.Link), ("root", EntryKind.Link)]);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_walked_and_given_a_safe_deterministic_name()
    {
        byte[] raw = [.. Encoding.UTF8.GetBytes(_root + "/自评"), 0xFF, 0xFE, .. ".txt"u8];
        File.WriteAllText(At("marker"), "");
        NativeFiles.Rename(RawName.Bytes(At("marker")), raw);
        var entry = FolderWalk.Entries(_root).Single();
        entry.NameIsSafe.ShouldBeFalse();
        entry.Printable.ShouldBe("自评\\xff\\xfe.txt");
        entry.SafeRelativeName.ShouldMatch(@"^自评__~[0-9a-f]{8}\.txt$");
        RawName.Safe(entry.Parts[0]).ShouldBe(entry.SafeRelativeName);
        InputFile.Load(entry.Path, entry.SafeRelativeName).Bytes.ShouldBeEmpty();
    }

    [Fact]
    public void A_very_long_name_is_cut_to_fit_with_its_hash_and_extension_kept()
    {
        var name = string.Concat(Enumerable.Repeat("项目支出绩效自评表", 10)) + ".pdf";
        var safe = RawName.Safe(Encoding.UTF8.GetBytes(name));
        Encoding.UTF8.GetByteCount(safe).ShouldBeLessThanOrEqualTo(RawName.MaxBytes);
        safe.ShouldEndWith(".pdf");
        safe.ShouldStartWith("项目支出绩效自评表");
        RawName.Safe(Encoding.UTF8.GetBytes("自评表 2021.pdf")).ShouldBe("自评表 2021.pdf");
    }

    [Fact]
    public void Control_characters_in_a_name_are_escaped_for_logs()
    {
        ControlText.Escape("a\nb\u001b[31m").ShouldBe("a\\nb\\u001b[31m");
    }
}
