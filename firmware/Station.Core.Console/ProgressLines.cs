using System.Text;

namespace Station.Core.Console
{
    /// <summary>The lines a console operation reports between two console polls; the console takes and shows them.</summary>
    public sealed class ProgressLines
    {
        private readonly StringBuilder _lines = new StringBuilder();

        /// <summary>Adds a line.</summary>
        public void Add(string line)
        {
            if (_lines.Length > 0)
            {
                _lines.Append('\n');
            }

            _lines.Append(line);
        }

        /// <summary>The lines since the last call, or null.</summary>
        public string Take()
        {
            if (_lines.Length == 0)
            {
                return null;
            }

            string text = _lines.ToString();
            _lines.Clear();
            return text;
        }
    }
}
