from storyline.ingest.inputs import Input, expand_inputs
from storyline.records import Notice


def test_directories_walk_recursively_sorted_without_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "a.txt", ".hidden.txt", ".git/config", "b/1.html"):
        (tmp_path / name).write_text("x")
    found = [i.location for i in expand_inputs([str(tmp_path)])]
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b/1.html"), str(tmp_path / "b/2.txt")]
    assert all(i.walked for i in expand_inputs([str(tmp_path)]))


def test_named_file_glob_stdin_url_and_problems(tmp_path):
    (tmp_path / "r1.txt").write_text("x")
    (tmp_path / "r2.txt").write_text("x")
    items = list(expand_inputs([str(tmp_path / "r1.txt"), str(tmp_path / "*.txt"), "-", "https://x.example/a",
                                str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing"), "ftp://x.example/f"]))
    assert items[0] == Input("file", str(tmp_path / "r1.txt"), walked=False)
    assert [i.location for i in items[1:3]] == [str(tmp_path / "r1.txt"), str(tmp_path / "r2.txt")]
    assert items[3] == Input("stdin", "<stdin>") and items[4] == Input("url", "https://x.example/a")
    problems = items[5:]
    assert all(isinstance(p, Notice) and p.level == "error" for p in problems)
    assert [p.code for p in problems] == ["E101", "E102", "E115"]
    assert problems[0].source == str(tmp_path / "missing.txt")
