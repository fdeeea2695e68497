using System.Collections.Generic;
using System.Text;
using Station.Core.Console;
using Xunit;

namespace Station.Console.Tests
{
    public class LineEditorTests
    {
        private readonly FakeLine _line = new FakeLine();
        private readonly ConsoleOutput _out;
        private readonly LineHistory _history = new LineHistory(4);
        private readonly LineEditor _editor;

        public LineEditorTests()
        {
            _out = new ConsoleOutput(_line);
            _editor = new LineEditor(_out, _history);
            _editor.Prompt = "p> ";
        }

        private List<LineEvent> Feed(string text) => FeedBytes(Encoding.Latin1.GetBytes(text));

        private List<LineEvent> FeedBytes(byte[] bytes)
        {
            var events = new List<LineEvent>();
            foreach (byte b in bytes)
            {
                LineEvent e = _editor.Feed(b);
                if (e != LineEvent.None) events.Add(e);
            }

            _out.Flush();
            return events;
        }

        [Fact]
        public void Printable_characters_are_echoed_and_enter_submits()
        {
            Assert.Equal(new[] { LineEvent.Submit }, Feed("status\r"));
            Assert.Equal("status", _editor.Submitted);
            Assert.Null(_editor.SubmitError);
            Assert.Equal("status\r\n", _line.TakeOutput());
        }

        [Fact]
        public void Cr_lf_and_lone_lf_each_submit_once()
        {
            Assert.Equal(new[] { LineEvent.Submit, LineEvent.Submit }, Feed("a\r\nb\n"));
            Assert.Equal("b", _editor.Submitted);
        }

        [Fact]
        public void Backspace_and_delete_erase_one_character_each()
        {
            Feed("statux\b");
            Feed("s\x7f" + "s\r");
            Assert.Equal("status", _editor.Submitted);
            Assert.Contains("\b \b", _line.TakeOutput());
        }

        [Fact]
        public void Backspace_on_an_empty_line_does_nothing()
        {
            Feed("\b\b\x7f");
            Assert.Equal("", _line.TakeOutput());
            Assert.Equal(0, _editor.Length);
        }

        [Fact]
        public void Ctrl_c_throws_the_line_away()
        {
            Assert.Equal(new[] { LineEvent.Cancel }, Feed("lift jog +10\x03"));
            Assert.Equal(0, _editor.Length);
            Assert.EndsWith("^C\r\n", _line.TakeOutput());
            Assert.Equal(0, _history.Count);
        }

        [Fact]
        public void Ctrl_u_clears_the_line()
        {
            Feed("lift\x15status\r");
            Assert.Equal("status", _editor.Submitted);
        }

        [Fact]
        public void Up_and_down_recall_history_and_restore_the_draft()
        {
            Feed("one\rtwo\rdra");
            Feed("\x1b[A");
            Assert.Equal("two", _editor.Current);
            Feed("\x1b[A");
            Assert.Equal("one", _editor.Current);
            Feed("\x1b[A");
            Assert.Equal("one", _editor.Current);
            Feed("\x1bOB");
            Assert.Equal("two", _editor.Current);
            Feed("\x1b[B");
            Assert.Equal("dra", _editor.Current);
            Feed("\x1b[B");
            Assert.Equal("dra", _editor.Current);
        }

        [Fact]
        public void History_is_bounded_and_skips_repeats_and_empty_lines()
        {
            Feed("a\rb\rb\r\rc\rd\re\r");
            Assert.Equal(4, _history.Count);
            Assert.Equal("b", _history[0]);
            Assert.Equal("e", _history[3]);
        }

        [Fact]
        public void Other_escape_sequences_are_ignored_and_never_swallow_enter()
        {
            Feed("sta\x1b[D\x1b[C\x1b[15~\x1b[1;5A\x1bxtus\r");
            Assert.Equal("status", _editor.Submitted);
            Assert.Null(_editor.SubmitError);
            // An unterminated sequence followed by Enter: Enter still submits.
            Assert.Equal(new[] { LineEvent.Submit }, Feed("why\x1b[12\r"));
            Assert.Equal("why", _editor.Submitted);
            Assert.Equal(new[] { LineEvent.Submit }, Feed("why\x1b\r"));
        }

        [Fact]
        public void An_endless_escape_sequence_is_abandoned_after_its_bound()
        {
            var bytes = new List<byte> { 0x1b, (byte)'[' };
            for (int i = 0; i < 1000; i++) bytes.Add((byte)'1');
            FeedBytes(bytes.ToArray());
            Feed("\rx\r");
            Assert.Equal("x", _editor.Submitted);
        }

        [Fact]
        public void A_line_longer_than_the_bound_is_refused_not_truncated()
        {
            Assert.Equal(new[] { LineEvent.Submit }, Feed(new string('9', 10240) + "\r"));
            Assert.Contains("longer than " + LineEditor.MaxLineLength, _editor.SubmitError);
            string echoed = _line.TakeOutput();
            Assert.True(echoed.Length < LineEditor.MaxLineLength + 10, "echo is bounded: " + echoed.Length);
            Assert.Equal(0, _history.Count);
            Feed("why\r");
            Assert.Null(_editor.SubmitError);
        }

        [Fact]
        public void Non_ascii_bytes_refuse_the_line()
        {
            FeedBytes(new byte[] { (byte)'l', (byte)'i', 0xC3, (byte)'f', (byte)'t', 0x0D });
            Assert.Contains("not printable ASCII", _editor.SubmitError);
            // A partial UTF-8 sequence at the end of a line.
            FeedBytes(new byte[] { (byte)'w', (byte)'h', (byte)'y', 0xE2, 0x82, 0x0D });
            Assert.Contains("2 byte(s)", _editor.SubmitError);
        }

        [Fact]
        public void Tab_and_ctrl_x_are_reported()
        {
            Assert.Equal(new[] { LineEvent.Complete, LineEvent.Emergency }, Feed("st\t\x18"));
        }

        [Fact]
        public void Replace_redraws_with_backspaces_only()
        {
            Feed("sta");
            _line.TakeOutput();
            _editor.Replace("status ");
            _out.Flush();
            Assert.Equal("\b \b\b \b\b \bstatus ", _line.TakeOutput());
            Assert.Equal("status ", _editor.Current);
        }
    }
}
