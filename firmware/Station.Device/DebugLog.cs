using System.Diagnostics;
using Station.Hal;

namespace Station.Device
{
    /// <summary>Log lines to the debugger output (Visual Studio's Output window or the serial wire protocol).</summary>
    public sealed class DebugLog : ILog
    {
        private static readonly string[] Levels = { "DBG ", "INF ", "WRN ", "ERR " };

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            int i = (int)level;
            string prefix = i >= 0 && i < Levels.Length ? Levels[i] : "??? ";
            // Debug.WriteLine takes one string on nanoFramework.
            Debug.WriteLine(prefix + message);
        }
    }
}
