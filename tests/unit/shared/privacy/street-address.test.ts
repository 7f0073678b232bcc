import { describe, expect, it } from 'vitest';
import { findStreetAddresses } from '../../../../shared/privacy/street-address';

const values = (text: string) => findStreetAddresses(text).map(({ start, end }) => text.slice(start, end));

describe('findStreetAddresses', () => {
  it.each([
    'Mannerheimintie 12 B 5',
    'Mannerheimintie 12 b 5',
    'Mannerheimintie 12 B',
    'Storgatan 3',
    'Hämeentie 5 as 3',
    'Hämeentie 5 as. 3',
    'Kuusitie 4a',
    'Koulukatu 12–14',
    'Koulukatu 12-14 A 3',
    'Kalliokuja 1 C 23',
    'Metsäpolku 2',
    'Kirkkoraitti 9',
    'Sibeliuksenväylä 3 A',
    'Kauppatori 1',
    'Rantakaari 7',
    'Pohjois-Haagankuja 7',
    'Itä-Pasilan kuja 3',
    'Strandvägen 10',
    'Skolvägen 4 lgh 12',
    'Storgatan 3 bst 2',
    'Kyrkogata 5',
    'Lilla gränd 2',
    'Kvarngränd 8',
    'Tallbacken 3',
    'Salutorget 1',
  ])('finds %j on its own', (address) => {
    expect(findStreetAddresses(address)).toEqual([{ start: 0, end: address.length }]);
  });

  it.each([
    ['Perhe asuu osoitteessa Mannerheimintie 12 B 5, Helsinki.', 'Mannerheimintie 12 B 5'],
    ['Familjen bor på Storgatan 3 i Vasa.', 'Storgatan 3'],
    ['Koulu on (Koulukatu 3).', 'Koulukatu 3'],
    ['Aleksis Kiven katu 5', 'Kiven katu 5'],
    ['osoite: Hämeentie 5 as 3; ovikoodi', 'Hämeentie 5 as 3'],
    ['Mannerheimintie 12 00100 Helsinki', 'Mannerheimintie 12'],
  ])('finds the address in %j', (text, address) => {
    expect(values(text)).toEqual([address]);
  });

  it('finds several addresses with their positions', () => {
    expect(findStreetAddresses('Koulukatu 3 ja Storgatan 5')).toEqual([
      { start: 0, end: 11 },
      { start: 15, end: 26 },
    ]);
  });

  it.each([
    ['hoitopolku 2', 'lower-case running text'],
    ['Hoitopolku 2 on käynnissä', 'a care pathway'],
    ['Palvelupolku 3', 'a service pathway'],
    ['Kuraattori 2 kertaa viikossa', 'a school curator'],
    ['Koordinaattori 3', 'a coordinator'],
    ['Umpikuja 1', 'a dead end'],
    ['Sateenkaari 2', 'a rainbow'],
    ['Mannerheimintie', 'no house number'],
    ['Mannerheimintie 0', 'house number 0'],
    ['Hämeentie 13.30', 'a time'],
    ['Mannerheimintie 12km', 'a distance'],
    ['Mannerheimintie 12345', 'a five-digit number'],
    ['Tie 3', 'the bare word'],
    ['Katu 5', 'the bare word'],
    ['OTK-2026-0042', 'a case code'],
    ['Perheessä on 3 lasta.', 'a count'],
    ['XMannerheimintie 12', 'not a capitalised word'],
    ['mannerheimintie 12', 'lower-case (a documented miss)'],
  ])('does not flag %j (%s)', (text) => {
    expect(findStreetAddresses(text)).toEqual([]);
  });
});
