#####
# Dockerfile to build an apache2 image
#####
# Base image is Ubuntu
FROM ubuntu:14.04
# Author : Dr. Peter
MAINTAINER Dr. Peter <peterindia@gmail.com>
# Install apache2 package
RUN apt -y update && \
apt install -y apache2
# Set the log directory PATH
ENV APACHE_LOG_DIR /var/log/apache2
# Launch apache2 server in the foreground
ENTRYPOINT ["/usr/sbin/apache2ctl" , "-D" , "FOREGROUND"]
