FROM ruby:3.3-slim
# NOT OK
RUN gem install bundler
# OK
RUN gem install bundler:2.5.16
