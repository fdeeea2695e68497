using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Station.Simulator
{
    /// <summary>A Linux pseudo-terminal (openpty): the simulator keeps the master side, a technician attaches
    /// <c>screen /dev/pts/N 115200</c> or <c>minicom -D /dev/pts/N</c> to the slave side as to a board's USB serial port.</summary>
    public sealed class PseudoTerminal : IDisposable
    {
        private readonly int _master;
        private readonly int _slave;

        private PseudoTerminal(int master, int slave, string path)
        {
            _master = master;
            _slave = slave;
            SlavePath = path;
        }

        /// <summary>The device a terminal program opens (/dev/pts/N).</summary>
        public string SlavePath { get; }

        /// <summary>Opens a pseudo-terminal with its slave in raw mode (no echo, no line editing: the console does that).</summary>
        public static PseudoTerminal Open()
        {
            int master, slave;
            int rc;
            try { rc = OpenPtyLibc(out master, out slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero); }
            catch (EntryPointNotFoundException) { rc = OpenPtyLibUtil(out master, out slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero); }
            catch (DllNotFoundException) { rc = OpenPtyLibUtil(out master, out slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero); }
            if (rc != 0) throw new IOException("openpty failed (errno " + Marshal.GetLastWin32Error() + ")");
            RawTerminal.MakeRaw(slave);

            string path = Marshal.PtrToStringAnsi(TtyName(slave)) ?? "(unknown pty)";
            return new PseudoTerminal(master, slave, path);
        }

        /// <summary>The master side as a line for the console (reads and writes on separate descriptors).</summary>
        public TerminalLine CreateLine()
        {
            int writer = Dup(_master);
            var input = new FileStream(new SafeFileHandle((IntPtr)_master, false), FileAccess.Read, 1, false);
            var output = new FileStream(new SafeFileHandle((IntPtr)writer, true), FileAccess.Write, 1, false);
            return new TerminalLine(input, output);
        }

        /// <summary>Closes both sides.</summary>
        public void Dispose()
        {
            Close(_slave);
            Close(_master);
        }

        [DllImport("libc", EntryPoint = "openpty", SetLastError = true)]
        private static extern int OpenPtyLibc(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

        [DllImport("libutil.so.1", EntryPoint = "openpty", SetLastError = true)]
        private static extern int OpenPtyLibUtil(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

        [DllImport("libc", EntryPoint = "ttyname")]
        private static extern IntPtr TtyName(int fd);

        [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
        private static extern int Dup(int fd);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);
    }
}
