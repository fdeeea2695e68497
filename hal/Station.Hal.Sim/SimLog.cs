using System;
using System.Collections.Generic;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>A log sink that keeps every line (with the simulated time) and can echo lines to a writer.</summary>
    public sealed class SimLog : ILog
    {
        private readonly IClock _clock;
        private readonly List<string> _lines = new List<string>();

        /// <summary>A log stamped with <paramref name="clock"/>'s time.</summary>
        public SimLog(IClock clock) { _clock = clock; }

        /// <summary>Every line written so far, "[   12.340 s] Info: text".</summary>
        public IReadOnlyList<string> Lines => _lines;

        /// <summary>Where to echo each line as it is written (null = nowhere).</summary>
        public Action<string> Echo { get; set; }

        /// <summary>Lines below this level are kept but not echoed.</summary>
        public LogLevel EchoLevel { get; set; } = LogLevel.Info;

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            string line = $"[{_clock.NowMs / 1000.0,9:0.000} s] {level}: {message}";
            _lines.Add(line);
            if (Echo != null && level >= EchoLevel) Echo(line);
        }
    }
}
