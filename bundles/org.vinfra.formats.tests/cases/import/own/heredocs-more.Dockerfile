# syntax=docker/dockerfile:1
FROM debian:12.6
# two heredocs in one RUN, a quoted one (no expansion) and one that strips leading tabs
RUN <<FIRST bash && <<SECOND bash
echo first > /first
FIRST
echo second > /second
SECOND
RUN <<-"EOT" sh
	echo "$HOME is not expanded by the build"
	EOT
# a heredoc copied into a folder is named after its delimiter
COPY <<motd.txt /etc/
Welcome.
motd.txt
CMD ["bash"]
