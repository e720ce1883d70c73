using System.Diagnostics;

namespace Extractor.Store;

/// <summary>Whether the process that claimed a content or began a write still runs: its leftovers are not ours to clean up while it does.</summary>
public static class OwnerProcess
{
    public static bool IsRunning(long pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById((int)pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
