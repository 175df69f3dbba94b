FROM debian:12.6
# NOT OK
RUN wget https://example.com/big.iso
# OK
RUN wget --progress=dot:giga https://example.com/big.iso
