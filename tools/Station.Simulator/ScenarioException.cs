using System;

namespace Station.Simulator
{
    /// <summary>A scenario file that cannot be used: the message says where and why.</summary>
    public sealed class ScenarioException : Exception
    {
        /// <summary>A scenario error with its explanation.</summary>
        public ScenarioException(string message) : base(message) { }
    }
}
