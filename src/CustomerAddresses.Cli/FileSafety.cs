using System.Runtime.InteropServices;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>
/// The tool never destroys a file: no output may be an input (the same path, a symbolic link to it, or a hard link to
/// it), an output is never a directory, and every file it writes for the user is written beside its target and renamed
/// into place (<see cref="AtomicFile"/>), readable by its owner only on Unix, since they hold customers' emails.
/// </summary>
internal static class FileSafety
{
    /// <summary>The path an option names, checked: not empty, not a directory, in a folder that exists.</summary>
    /// <exception cref="UsageException">It is not a path a file can be written to.</exception>
    internal static string Output(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"{option} takes a file path, not an empty value");
        }

        if (Directory.Exists(value))
        {
            throw new UsageException($"{option} {Echo.Quote(value, 260)} is a directory: name a file");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(value));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{option} {Echo.Quote(value, 260)}: its folder does not exist");
        }

        return value;
    }

    /// <summary>Refuses an output that is the input: the same file by path, through a symbolic link, or as a hard link.</summary>
    /// <exception cref="UsageException">It is.</exception>
    internal static void NotTheInput(string input, string output, string option)
    {
        if (File.Exists(output) && SameFile(input, output))
        {
            throw new UsageException($"{option} {Echo.Quote(output, 260)} is the input file {Echo.Quote(input, 260)} (the same file, a link to it, or a hard link): it would be overwritten. Name another file");
        }
    }

    /// <summary>Whether two existing paths are one file.</summary>
    internal static bool SameFile(string a, string b)
    {
        string ra = Resolved(a), rb = Resolved(b);
        if (string.Equals(ra, rb, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return true;
        }

        return Identity(ra) is { } ia && Identity(rb) is { } ib && ia == ib;
    }

    /// <summary>The full path with every symbolic link followed.</summary>
    private static string Resolved(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    /// <summary>The file's device and inode on Linux (<c>statx</c>, whose layout is the same on every architecture), or null.</summary>
    private static (uint Major, uint Minor, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte[] buffer = new byte[256]; // struct statx is 256 bytes
        const int AtFdCwd = -100, StatxIno = 0x100;
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt32(buffer, 136), BitConverter.ToUInt32(buffer, 140), BitConverter.ToUInt64(buffer, 32));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable CA2101, SYSLIB1054 // a path in the file system's bytes; one call a run
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore CA2101, SYSLIB1054
}

/// <summary>
/// A file written for the user: a temporary file beside the target, created readable by its owner only on Unix, that
/// becomes the target only by <see cref="CommitAsync"/> (a rename, so the target is the old file or the whole new one, never
/// half of either); disposed without a commit, it is deleted and the target is untouched.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _temporary;
    private bool _committed;

    internal AtomicFile(string target)
    {
        Target = Path.GetFullPath(target);
        _temporary = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        Writer = new StreamWriter(new FileStream(_temporary, options), new System.Text.UTF8Encoding(false));
    }

    internal string Target { get; }

    internal StreamWriter Writer { get; }

    /// <summary>Flushes the file to the disk and renames it onto the target.</summary>
    internal async Task CommitAsync()
    {
        await Writer.FlushAsync();
        ((FileStream)Writer.BaseStream).Flush(flushToDisk: true);
        await Writer.DisposeAsync();
        File.Move(_temporary, Target, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        if (!_committed)
        {
            File.Delete(_temporary);
        }
    }
}
