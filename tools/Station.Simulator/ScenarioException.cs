using System;
using System.Text;

namespace Station.Simulator
{
    /// <summary>A scenario file that cannot be used: the message says where and why, on one line.</summary>
    public sealed class ScenarioException : Exception
    {
        /// <summary>A scenario error with its explanation.</summary>
        public ScenarioException(string message) : base(OneLine(message)) { }

        // A message may quote the file (the JSON reader does): its line breaks and control bytes would break the one-line
        // refusal and could reach the terminal as escape sequences, so each becomes a visible \xNN.
        private static string OneLine(string message)
        {
            if (message == null) return "";
            var sb = new StringBuilder(message.Length);
            foreach (char c in message)
            {
                if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("X2"));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
