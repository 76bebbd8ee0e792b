# escape=\
# syntax=docker/dockerfile:1
FROM busybox:1.36
# comments and blank lines inside a continued instruction are skipped
RUN echo one \
# a comment inside
    && echo two \

    && echo three
ENV GREETING="hello world" PATH=/opt/bin:$PATH
CMD echo "$GREETING"
