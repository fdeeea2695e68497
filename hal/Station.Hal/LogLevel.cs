namespace Station.Hal
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for development.</summary>
        Debug = 0,
        /// <summary>Normal operation worth keeping.</summary>
        Info = 1,
        /// <summary>Something unexpected that the station handled.</summary>
        Warning = 2,
        /// <summary>A fault or a failure of the station.</summary>
        Error = 3,
    }
}
