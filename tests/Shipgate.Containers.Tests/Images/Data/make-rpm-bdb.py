#!/usr/bin/env python3
# Makes the BerkeleyDB rpm fixtures with the real BerkeleyDB 5.3 tools (apt-get install db5.3-util), so the reader is
# checked against files BerkeleyDB itself wrote, not against a writer of our own:
#   python3 make-rpm-bdb.py > in.txt
#   db5.3_load -T -t hash -c db_pagesize=4096 -f in.txt rpm-bdb-le.Packages
#   db5.3_load -T -t hash -c db_pagesize=4096 -c db_lorder=4321 -f in.txt rpm-bdb-be.Packages
# Records as rpm writes them: key 0 holds the next instance number, keys 1..3 hold header blobs; openssl-libs is padded
# past the page size so it lives on a chain of overflow pages.
import struct, sys
def header(name, version, release, epoch, arch, srpm, pad=0):
    tags = [(1000,6,(name+"\0").encode()),(1001,6,(version+"\0").encode()),(1002,6,(release+"\0").encode()),(1022,6,(arch+"\0").encode())]
    if epoch is not None: tags.append((1003,4,struct.pack(">i",epoch)))
    if srpm: tags.append((1044,6,(srpm+"\0").encode()))
    if pad: tags.append((1005,6,(("description filler " * (pad//18+1))[:pad]+"\0").encode()))  # RPMTAG_DESCRIPTION-ish
    tags.sort()
    data=b""; entries=b""
    for tag,typ,blob in tags:
        if typ==4:
            while len(data)%4: data+=b"\0"
        entries+=struct.pack(">iiii",tag,typ,len(data),1)
        data+=blob
    return struct.pack(">ii",len(tags),len(data))+entries+data
def enc(b): return "".join("\\%02x"%c for c in b)
recs=[(struct.pack("<I",0), struct.pack("<I",4)),
      (struct.pack("<I",1), header("bash","4.4.20","4.el8_6",None,"x86_64","bash-4.4.20-4.el8_6.src.rpm")),
      (struct.pack("<I",2), header("openssl-libs","1.1.1k","9.el8_7",1,"x86_64","openssl-1.1.1k-9.el8_7.src.rpm",pad=9000)),
      (struct.pack("<I",3), header("gpg-pubkey","8483c65d","5ccc5b19",None,"(none)",None))]
import sys
f = sys.stdout
if True:
    for k,v in recs:
        f.write(enc(k)+"\n"+enc(v)+"\n")
