using System;
using System.Runtime.InteropServices;

namespace Station.Simulator
{
    /// <summary>Puts a terminal descriptor in raw mode (no echo, no line editing, bytes as typed: Ctrl-C and Ctrl-X
    /// reach the console instead of the shell) and restores it. Done through termios directly, not by running stty:
    /// .NET re-applies its own terminal settings whenever a child process exits.</summary>
    public sealed class RawTerminal : IDisposable
    {
        private readonly int _fd;
        private readonly byte[] _saved = new byte[256];
        private readonly bool _active;

        private RawTerminal(int fd)
        {
            _fd = fd;
            if (TcGetAttr(fd, _saved) != 0) return;
            var raw = (byte[])_saved.Clone();
            CfMakeRaw(raw);
            _active = TcSetAttr(fd, 0, raw) == 0;
        }

        /// <summary>Raw mode on <paramref name="fd"/> until disposed; does nothing when it is not a terminal.</summary>
        public static RawTerminal Enter(int fd) => new RawTerminal(fd);

        /// <summary>Makes <paramref name="fd"/> raw for good (a pseudo-terminal's slave side).</summary>
        public static void MakeRaw(int fd)
        {
            var t = new byte[256];
            if (TcGetAttr(fd, t) != 0) return;
            CfMakeRaw(t);
            TcSetAttr(fd, 0, t);
        }

        /// <summary>Restores the saved settings.</summary>
        public void Dispose()
        {
            if (_active) TcSetAttr(_fd, 0, _saved);
        }

        // struct termios is 60 bytes on Linux; the 256-byte buffers leave room for any libc.
        [DllImport("libc", EntryPoint = "tcgetattr")]
        private static extern int TcGetAttr(int fd, byte[] termios);

        [DllImport("libc", EntryPoint = "tcsetattr")]
        private static extern int TcSetAttr(int fd, int optionalActions, byte[] termios);

        [DllImport("libc", EntryPoint = "cfmakeraw")]
        private static extern void CfMakeRaw(byte[] termios);
    }
}
