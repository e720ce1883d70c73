using System.Runtime.InteropServices;
using System.Text;

namespace Extractor.Files;

/// <summary>
/// The few libc calls .NET does not offer: file names as raw bytes (a name that is not UTF-8 cannot be reached by a
/// .NET string path), the type of an entry without following links or opening it (a FIFO blocks whoever opens it),
/// and an open that refuses links and FIFOs. Linux only, 64-bit: statx and dirent have one layout on x86-64 and arm64.
/// </summary>
public static unsafe partial class NativeFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasics = 0x1 | 0x2 | 0x40 | 0x200; // type, mode, mtime, size
    private const int OpenReadOnly = 0;
    private const int OpenNonBlocking = 0x800;
    private const int OpenCloseOnExec = 0x80000;
    private static readonly int OpenNoFollow = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;
    private const int ErrorNoEntry = 2;
    private const int ErrorLoop = 40;

    /// <summary>The entry at <paramref name="path"/> itself (a link is a link), or <see cref="EntryKind.Missing"/>.</summary>
    public static EntryStatus Stat(byte[] path)
    {
        var buffer = stackalloc byte[256];
        fixed (byte* p = Terminated(path))
            if (statx(AtFdCwd, p, AtSymlinkNoFollow, StatxBasics, buffer) != 0)
                return Marshal.GetLastPInvokeError() == ErrorNoEntry ? EntryStatus.Missing : throw Error("stat", path);
        return Status(buffer);
    }

    /// <summary>Opens a regular file for reading; a link, a FIFO, a device or a socket is refused without blocking.</summary>
    public static (Microsoft.Win32.SafeHandles.SafeFileHandle Handle, EntryStatus Status) OpenRegular(byte[] path)
    {
        int fd;
        fixed (byte* p = Terminated(path)) fd = open(p, OpenReadOnly | OpenNonBlocking | OpenNoFollow | OpenCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == ErrorLoop) return (new Microsoft.Win32.SafeHandles.SafeFileHandle(), EntryStatus.Link);
            throw errno == ErrorNoEntry ? new FileNotFoundException($"no such file: {RawName.Printable(path)}") : Error("open", path, errno);
        }
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        var buffer = stackalloc byte[256];
        byte empty = 0;
        if (statx(fd, &empty, AtEmptyPath, StatxBasics, buffer) != 0)
        {
            handle.Dispose();
            throw Error("stat", path);
        }
        return (handle, Status(buffer));
    }

    /// <summary>The names in a folder as raw bytes with their kinds, "." and ".." left out.</summary>
    public static List<(byte[] Name, EntryKind Kind)> List(byte[] folder)
    {
        nint dir;
        fixed (byte* p = Terminated(folder)) dir = opendir(p);
        if (dir == 0) throw Error("list", folder);
        var entries = new List<(byte[], EntryKind)>();
        try
        {
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = (byte*)readdir(dir);
                if (entry == null) break;
                var name = new ReadOnlySpan<byte>(entry + 19, 256);
                name = name[..name.IndexOf((byte)0)];
                if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8)) continue;
                entries.Add((name.ToArray(), KindOf(entry[18])));
            }
        }
        finally
        {
            closedir(dir);
        }
        return entries;
    }

    /// <summary>rename(2): moves the entry itself (a link stays a link, a FIFO is never opened).</summary>
    public static void Rename(byte[] from, byte[] to)
    {
        fixed (byte* f = Terminated(from))
        fixed (byte* t = Terminated(to))
            if (rename(f, t) != 0) throw Error("move", from);
    }

    /// <summary>
    /// The process's standard output as a stream of its own, with file descriptor 1 pointed at standard error: a
    /// reader process speaks its protocol on it, and whatever a native library prints can no longer garble it.
    /// </summary>
    public static Stream TakeStandardOutput()
    {
        var protocol = dup(1);
        if (protocol < 0 || dup2(2, 1) < 0) throw new IOException($"cannot set up standard output: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    private static EntryStatus Status(byte* statx)
    {
        var mode = *(ushort*)(statx + 28);
        var size = *(long*)(statx + 40);
        var seconds = *(long*)(statx + 112);
        var nanoseconds = *(uint*)(statx + 120);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Folder,
            0xA000 => EntryKind.Link,
            0x1000 => EntryKind.Fifo,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Device,
        };
        return new EntryStatus(kind, size, DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanoseconds / 100));
    }

    /// <summary>dirent's d_type; 0 (unknown, some file systems) is asked of statx by the caller.</summary>
    private static EntryKind KindOf(byte type) => type switch
    {
        8 => EntryKind.File,
        4 => EntryKind.Folder,
        10 => EntryKind.Link,
        1 => EntryKind.Fifo,
        12 => EntryKind.Socket,
        2 or 6 => EntryKind.Device,
        _ => EntryKind.Missing,
    };

    private static byte[] Terminated(byte[] path) => [.. path, 0];

    private static IOException Error(string what, byte[] path, int? errno = null)
    {
        var code = errno ?? Marshal.GetLastPInvokeError();
        return new IOException($"cannot {what} {RawName.Printable(path)}: {Marshal.GetPInvokeErrorMessage(code)}", code);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int open(byte* path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint opendir(byte* path);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint readdir(nint dir);

    [LibraryImport("libc")]
    private static partial int closedir(nint dir);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int fd, int target);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int rename(byte* from, byte* to);
}
