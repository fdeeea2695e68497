using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Station.Simulator
{
    /// <summary>Reads a scenario file as outside input: only a regular file, at most a given size, and never blocking.
    /// <c>--scenario /dev/zero</c> (endless), a FIFO with no writer (an ordinary open would wait forever for one), a
    /// terminal or a directory are refused before a byte is read; a file that grows past the limit while it is read is
    /// refused at the limit.</summary>
    public static class ScenarioFile
    {
        private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000; // Linux, x86-64 and arm64 alike
        private const int TypeMask = 0xF000, RegularFile = 0x8000, Directory = 0x4000, Fifo = 0x1000, CharDevice = 0x2000;

        /// <summary>The text of the file at <paramref name="path"/>, or a <see cref="ScenarioException"/> saying why not.</summary>
        public static string ReadText(string path, int maxBytes)
        {
            if (System.IO.Directory.Exists(path)) throw new ScenarioException($"scenario {path}: is a directory, not a file");
            if (!File.Exists(path)) throw new ScenarioException($"scenario {path}: file not found");
            using var handle = OperatingSystem.IsLinux() ? OpenWithoutBlocking(path) : OpenOrRefuse(path);
            if (OperatingSystem.IsLinux()) RequireRegularFile(handle, path);
            long length = RandomAccess.GetLength(handle);
            if (length > maxBytes) throw new ScenarioException($"scenario {path}: {length} bytes is larger than the {maxBytes} allowed");
            var bytes = new byte[maxBytes + 1];
            int total = 0;
            try
            {
                int n;
                while (total < bytes.Length && (n = RandomAccess.Read(handle, bytes.AsSpan(total), total)) > 0) total += n;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ScenarioException($"scenario {path}: cannot read: {e.Message}");
            }
            if (total > maxBytes) throw new ScenarioException($"scenario {path}: larger than the {maxBytes} bytes allowed");
            using var reader = new StreamReader(new MemoryStream(bytes, 0, total), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        private static SafeFileHandle OpenOrRefuse(string path)
        {
            try { return File.OpenHandle(path); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ScenarioException($"scenario {path}: cannot open: {e.Message}");
            }
        }

        private static SafeFileHandle OpenWithoutBlocking(string path)
        {
            // O_NONBLOCK: opening a FIFO for reading would otherwise wait until some process opens it for writing.
            int fd = open(path, ORdOnly | ONonBlock | OCloExec);
            if (fd < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new ScenarioException($"scenario {path}: cannot open: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
            return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        }

        private static void RequireRegularFile(SafeFileHandle handle, string path)
        {
            // .NET's own native shim (libSystem.Native, part of every .NET runtime on Linux) fills a FileStatus whose
            // second field is the mode with the usual S_IFMT bits, the same on every architecture.
            var status = new byte[256];
            if (SystemNative_FStat(handle, status) != 0)
            {
                throw new ScenarioException($"scenario {path}: cannot stat: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
            int type = BitConverter.ToInt32(status, 4) & TypeMask;
            if (type == RegularFile) return;
            string what = type switch
            {
                Fifo => "a FIFO (named pipe)",
                CharDevice => "a character device",
                Directory => "a directory",
                _ => "not a regular file",
            };
            throw new ScenarioException($"scenario {path}: is {what}; a scenario must be a regular file");
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int SystemNative_FStat(SafeFileHandle fd, byte[] status);
    }
}
