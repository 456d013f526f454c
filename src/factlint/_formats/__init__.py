"""Output formats for CI systems and people beyond those of `factlint._output`: JUnit XML, GitLab Code Quality, HTML."""
