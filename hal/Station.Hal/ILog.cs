namespace Station.Hal
{
    /// <summary>A log sink (serial console, Debug output, a file, a test's list).</summary>
    public interface ILog
    {
        /// <summary>Writes one line. Called at the edges only, never per tick in steady state.</summary>
        void Write(LogLevel level, string message);
    }
}
